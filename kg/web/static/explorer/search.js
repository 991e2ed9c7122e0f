// The search box: suggestions (entities and families by name or alias) from GraphQL `search`,
// chosen with the mouse or the keyboard; Enter on plain text resolves it with `entity`/`family`.
import { gql } from "/static/common/graphql.js";
import { debounce, fill, h } from "/static/common/dom.js";
import { labelColour } from "/static/common/palette.js";
import { resolveName } from "/static/explorer/neighbourhood.js";

const SEARCH = `query Suggest($text: String!) {
  search(text: $text, first: 12) { id label name ... on Entity { aliases } ... on Family { aliases } }
}`;

function matchedAlias(item, text) {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.every((w) => item.name.toLowerCase().includes(w))) return null;
  return (item.aliases || []).find((a) => words.every((w) => a.toLowerCase().includes(w))) || null;
}

/** Wire `input` and its suggestion `list`; `onChoose(node)` gets `{id, label, name}`; `onError(message)`. */
export function attachSearch(input, list, { onChoose, onError }) {
  let items = [];
  let active = -1;
  let asked = "";

  const close = () => {
    items = [];
    active = -1;
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const choose = (item) => {
    close();
    input.value = item.name;
    onChoose(item);
  };
  const render = () => {
    fill(list, items.map((item, i) => {
      const alias = matchedAlias(item, input.value);
      return h("li", { role: "option", class: i === active ? "active" : "", "aria-selected": i === active ? "true" : "false",
                       onmousedown: (event) => { event.preventDefault(); choose(item); } },
        h("span", { class: "swatch", style: `background:${labelColour(item.label)}` }),
        h("span", { class: "suggestion-name" }, item.name),
        h("span", { class: "suggestion-label" }, item.label),
        alias ? h("span", { class: "suggestion-alias" }, `alias: ${alias}`) : null);
    }));
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  };
  const suggest = debounce(async () => {
    const text = input.value.trim();
    asked = text;
    if (!text) return close();
    try {
      const data = await gql(SEARCH, { text });
      if (asked !== text) return;  // a newer request is on its way
      items = data.search;
      active = items.length ? 0 : -1;
      render();
    } catch (error) {
      onError(error.message);
    }
  }, 120);

  input.addEventListener("input", suggest);
  input.addEventListener("blur", () => setTimeout(close, 150));
  input.addEventListener("keydown", async (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!items.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      render();
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active >= 0 && items[active]) return choose(items[active]);
      const text = input.value.trim();
      if (!text) return;
      try {
        const found = await resolveName(text);
        if (found) choose(found);
        else onError(`nothing called “${text}” in the graph`);
      } catch (error) {
        onError(error.message);
      }
    }
  });
}

// The legend, which is also the filter: one checkbox per node label (its colour, how many are
// shown) and per relationship type present; unticking hides those elements (class `filtered`).
import { fill, h } from "/static/common/dom.js";
import { CLAIM_TYPES, LABEL_COLOURS, edgeColour, labelColour } from "/static/common/palette.js";

/** Rebuild the legend for what `cy` holds now, keeping what was unticked before. */
export function renderFilters(cy, labelBox, typeBox, hidden) {
  const labelCounts = new Map(Object.keys(LABEL_COLOURS).map((label) => [label, 0]));
  cy.nodes().forEach((n) => labelCounts.set(n.data("label"), (labelCounts.get(n.data("label")) || 0) + 1));
  const typeCounts = new Map();
  cy.edges().forEach((e) => typeCounts.set(e.data("type"), (typeCounts.get(e.data("type")) || 0) + 1));
  const row = (kind, name, count, colour, line) =>
    h("label", { class: "legend-row", dataset: { kind, name } },
      h("input", { type: "checkbox", checked: !hidden[kind].has(name), onchange: (event) => {
        if (event.target.checked) hidden[kind].delete(name); else hidden[kind].add(name);
        applyFilters(cy, hidden);
      } }),
      h("span", { class: line ? "swatch line" : "swatch", style: `background:${colour}` }),
      h("span", { class: "legend-name" }, CLAIM_TYPES[name] ? `${name} (${CLAIM_TYPES[name].caption})` : name),
      h("span", { class: "legend-count" }, String(count)));
  fill(labelBox, [...labelCounts].map(([label, count]) => row("label", label, count, labelColour(label), false)));
  const types = [...typeCounts].sort(([a], [b]) => (CLAIM_TYPES[b] ? 1 : 0) - (CLAIM_TYPES[a] ? 1 : 0) || a.localeCompare(b));
  fill(typeBox, types.length ? types.map(([type, count]) => row("type", type, count, edgeColour(type), true))
                             : [h("p", { class: "muted" }, "no relationships shown yet")]);
}

/** Hide the nodes and edges whose label or type is unticked. */
export function applyFilters(cy, hidden) {
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass("filtered", hidden.label.has(n.data("label"))));
    cy.edges().forEach((e) => e.toggleClass("filtered", hidden.type.has(e.data("type"))));
  });
}

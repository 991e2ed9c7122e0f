// Result rows as a table. Nodes, relationships and paths (cells tagged with `kind`) show as
// coloured chips, with their properties on hover; other values as JSON.
import { h } from "/static/common/dom.js";
import { edgeColour, labelColour } from "/static/common/palette.js";

function nodeChip(node) {
  const label = node.labels[0] || "";
  const name = node.properties.name || node.properties.title || node.id;
  return h("span", { class: "cell-node", style: `background:${labelColour(label)}`, title: JSON.stringify(node.properties, null, 1) },
    `(:${label}) ${name}`);
}

function relChip(rel) {
  return h("span", { class: "cell-rel", style: `background:${edgeColour(rel.type) === "#cbd5e1" ? "#64748b" : edgeColour(rel.type)}`,
                     title: JSON.stringify(rel.properties, null, 1) }, `[:${rel.type}]`);
}

function cell(value) {
  if (value === null || value === undefined) return h("span", { class: "cell-null" }, "null");
  if (Array.isArray(value)) {
    if (value.some((v) => v && typeof v === "object" && v.kind)) return value.map(cell);
    return JSON.stringify(value);
  }
  if (typeof value === "object") {
    if (value.kind === "node") return nodeChip(value);
    if (value.kind === "relationship") return relChip(value);
    if (value.kind === "path") {
      const parts = [];
      value.nodes.forEach((n, i) => { parts.push(nodeChip(n)); if (value.relationships[i]) parts.push(relChip(value.relationships[i])); });
      return parts;
    }
    return JSON.stringify(value);
  }
  return String(value);
}

/** A table of `result.columns` × `result.rows`. */
export function resultTable(result) {
  return h("table", { class: "results" },
    h("thead", {}, h("tr", {}, result.columns.map((c) => h("th", {}, c)))),
    h("tbody", {}, result.rows.map((row) => h("tr", {}, row.map((value) =>
      h("td", { class: typeof value === "number" ? "num" : "" }, cell(value)))))));
}

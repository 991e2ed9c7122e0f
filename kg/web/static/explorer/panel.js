// The side panel: what a chosen node is, or what a chosen edge claims — the paper that says so
// and its evidence sentence.
import { fill, h } from "/static/common/dom.js";
import { CLAIM_TYPES, edgeColour, labelColour } from "/static/common/palette.js";

function chip(label) {
  return h("span", { class: "chip", style: `background:${labelColour(label)}` }, label);
}

function field(name, value) {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return null;
  return h("div", { class: "field" }, h("dt", {}, name), h("dd", {}, Array.isArray(value) ? value.join(", ") : String(value)));
}

/** Show node `node` (a cytoscape node); `actions` maps button captions to handlers. */
export function showNode(panel, node, actions) {
  const d = node.data();
  fill(panel,
    h("div", { class: "panel-kind" }, chip(d.label), node.hasClass("expanded") ? h("span", { class: "muted" }, " expanded") : null),
    h("h2", { class: "panel-title" }, d.name),
    h("dl", {},
      field("id", d.id),
      field("aliases", d.aliases),
      field("authors", d.authors),
      field("published", d.published),
      field("kind", d.kind),
      field("links", node.connectedEdges().not(".filtered").length),
      d.url ? h("div", { class: "field" }, h("dt", {}, "url"), h("dd", {}, h("a", { href: d.url, target: "_blank", rel: "noopener" }, d.url))) : null),
    (d.notes || []).length ? h("ul", { class: "notes" }, d.notes.map((n) => h("li", {}, n))) : null,
    h("div", { class: "actions" }, Object.entries(actions).map(([caption, handler]) => h("button", { type: "button", onclick: handler }, caption))));
}

/** Show edge `edge`: its type, ends, paper and evidence; `onNode(id)` focuses an end or the paper. */
export function showEdge(panel, edge, { onNode, onPaper }) {
  const d = edge.data();
  const source = edge.source().data();
  const target = edge.target().data();
  const claim = CLAIM_TYPES[d.type];
  const end = (n) => h("button", { type: "button", class: "link", onclick: () => onNode(n.id) }, n.name);
  fill(panel,
    h("div", { class: "panel-kind" }, h("span", { class: "chip", style: `background:${edgeColour(d.type)};color:#fff` }, d.type)),
    h("h2", { class: "panel-title edge-title" }, end(source), h("span", { class: "verb" }, ` ${claim ? claim.caption : d.type.toLowerCase().replace(/_/g, " ")} `), end(target)),
    d.paper ? h("div", { class: "paper" }, h("div", { class: "muted" }, "Paper"),
      h("button", { type: "button", class: "link paper-title", onclick: () => onPaper(d.paper) }, d.paper.name || d.paper.id)) : null,
    d.evidence ? h("div", { class: "evidence-box" }, h("div", { class: "muted" }, "Evidence"), h("blockquote", { class: "evidence" }, d.evidence)) : null,
    h("dl", {},
      field("loser as written", d.loserText),
      field("on", d.on),
      field("metric", d.metric),
      field("aspect", d.aspect),
      field("confidence", typeof d.confidence === "number" ? d.confidence.toFixed(2) : d.confidence)),
    !claim && !d.paper ? h("p", { class: "muted" }, d.type === "IN_FAMILY"
      ? "A member of the family through a subfamily or through what it extends (Family.members)."
      : "A structural relationship of the graph.") : null);
}

export function showMessage(panel, ...children) {
  fill(panel, ...children);
}

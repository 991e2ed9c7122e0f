// A cytoscape.js graph view shared by the explorer and the console: styles by label and type,
// adding elements without duplicates, a layout that stays fast on large views, and exports.
import cytoscape from "/static/vendor/cytoscape.esm.min.js";
import { CLAIM_TYPES, LABEL_COLOURS, OTHER_COLOUR, PLAIN_EDGE_COLOUR, edgeColour, labelColour } from "/static/common/palette.js";
import { saveBlob } from "/static/common/dom.js";

/** Above this many nodes the view uses a concentric layout and cheaper edges: cose takes seconds there. */
export const LARGE_VIEW = 250;
const MAX_FIT_ZOOM = 1.3;

function shortName(name) {
  const text = String(name || "");
  return text.length > 42 ? text.slice(0, 40) + "…" : text;
}

function stylesheet() {
  const rules = [
    {
      selector: "node",
      style: {
        "background-color": OTHER_COLOUR,
        label: "data(display)",
        "font-size": 10,
        color: "#1f2937",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": 140,
        "min-zoomed-font-size": 7,
        width: 18,
        height: 18,
        "border-width": 0,
      },
    },
    { selector: "node[label = 'Paper']", style: { shape: "round-rectangle", width: 14, height: 18, "font-size": 8, color: "#475569" } },
    { selector: "node[label = 'Family']", style: { shape: "hexagon", width: 24, height: 22 } },
    { selector: "node.expanded", style: { "border-width": 2, "border-color": "#111827" } },
    { selector: "node.root", style: { width: 28, height: 28, "font-weight": "bold", "font-size": 12, "text-max-width": 260 } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#facc15" } },
    {
      selector: "edge",
      style: {
        width: 1,
        "line-color": PLAIN_EDGE_COLOUR,
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "target-arrow-color": PLAIN_EDGE_COLOUR,
        "arrow-scale": 0.6,
      },
    },
    { selector: "edge.bulk", style: { "curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none" } },
    {
      selector: "edge[?claim]",
      style: {
        width: 2.5,
        label: "data(caption)",
        "font-size": 9,
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": 1,
        "min-zoomed-font-size": 7,
        "arrow-scale": 1.1,
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
      },
    },
    // large views: claims keep their colour and arrow but lose the caption, which would only be noise
    { selector: "edge.quiet", style: { label: "", width: 1.5, "arrow-scale": 0.8 } },
    { selector: ".filtered", style: { display: "none" } },
  ];
  for (const label of Object.keys(LABEL_COLOURS)) {
    rules.splice(1, 0, { selector: `node[label = '${label}']`, style: { "background-color": labelColour(label) } });
  }
  for (const type of Object.keys(CLAIM_TYPES)) {
    rules.push({ selector: `edge[type = '${type}']`, style: { "line-color": edgeColour(type), "target-arrow-color": edgeColour(type), color: edgeColour(type) } });
  }
  // last, so a selected edge stands out whatever its type
  rules.push({ selector: "edge:selected", style: { width: 5, "underlay-color": "#facc15", "underlay-opacity": 0.7, "underlay-padding": 3 } });
  return rules;
}

/** A graph in `container`; `onNode(node)`, `onEdge(edge)` and `onBackground()` are called on taps. */
export function createGraph(container, { onNode = () => {}, onEdge = () => {}, onBackground = () => {} } = {}) {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    pixelRatio: 1,
    hideEdgesOnViewport: false,
    textureOnViewport: false,
  });
  cy.on("tap", "node", (event) => onNode(event.target));
  cy.on("tap", "edge", (event) => onEdge(event.target));
  cy.on("tap", (event) => { if (event.target === cy) onBackground(); });
  return cy;
}

/** Add nodes `{id, label, name, ...}` and edges `{id, source, target, type, ...}` not already shown; the new nodes. */
export function addElements(cy, nodes, edges, near = null) {
  const added = [];
  const centre = near && near.nonempty && near.nonempty() ? near.position() : null;
  cy.batch(() => {
    for (const node of nodes) {
      if (cy.getElementById(node.id).nonempty()) continue;
      const data = { ...node, display: shortName(node.name || node.id) };
      const element = { group: "nodes", data };
      if (centre) {
        const angle = Math.random() * 2 * Math.PI;
        element.position = { x: centre.x + 80 * Math.cos(angle), y: centre.y + 80 * Math.sin(angle) };
      }
      added.push(cy.add(element));
    }
    for (const edge of edges) {
      if (cy.getElementById(edge.id).nonempty()) continue;
      if (cy.getElementById(edge.source).empty() || cy.getElementById(edge.target).empty()) continue;
      const claim = Object.prototype.hasOwnProperty.call(CLAIM_TYPES, edge.type);
      cy.add({ group: "edges", data: { ...edge, claim, caption: claim ? CLAIM_TYPES[edge.type].caption : "" } });
    }
  });
  return added;
}

/** Lay the graph out: cose (no animation) while small, concentric by degree once large. Resolves when done.
 *  `randomize`: start from scratch (a new view) rather than from where the nodes are (an expansion). */
export function layout(cy, { fit = true, randomize = false } = {}) {
  const large = cy.nodes().length > LARGE_VIEW;
  cy.edges().toggleClass("bulk", large);
  cy.edges("[?claim]").removeClass("bulk").toggleClass("quiet", large);
  const visible = cy.elements().not(".filtered");
  const options = large
    ? {
        name: "concentric",
        animate: false,
        fit,
        padding: 20,
        minNodeSpacing: 6,
        avoidOverlap: false,
        concentric: (node) => node.degree(),
        levelWidth: () => 2,
      }
    : {
        name: "cose",
        animate: false,
        fit,
        padding: 30,
        randomize,
        nodeRepulsion: () => 400000,
        nodeOverlap: 20,
        idealEdgeLength: (edge) => (edge.data("claim") ? 140 : 90),
        edgeElasticity: () => 100,
        gravity: 0.3,
        componentSpacing: 80,
        numIter: 1000,
      };
  return new Promise((resolve) => {
    const run = visible.layout(options);
    run.one("layoutstop", () => {
      if (fit && cy.zoom() > MAX_FIT_ZOOM) {  // a few nodes: fitting them would blow them up
        cy.zoom(MAX_FIT_ZOOM);
        cy.center(visible);
      }
      resolve();
    });
    run.run();
  });
}

/** The view as a PNG file (everything, not just the part on screen). */
export function exportPng(cy, filename = "kg-view.png") {
  const blob = cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 });
  saveBlob(blob, filename);
}

/** The visible nodes and edges as JSON: what the view shows, with every field it was drawn from. */
export function viewJson(cy) {
  const strip = ({ display, caption, claim, ...rest }) => rest;
  return {
    nodes: cy.nodes().not(".filtered").map((n) => strip(n.data())),
    edges: cy.edges().not(".filtered").filter((e) => !e.source().hasClass("filtered") && !e.target().hasClass("filtered")).map((e) => strip(e.data())),
  };
}

export function exportJson(cy, filename = "kg-view.json") {
  saveBlob(new Blob([JSON.stringify(viewJson(cy), null, 1)], { type: "application/json" }), filename);
}

// The graph explorer (/): search an entity, draw its neighbourhood, expand nodes, read the
// evidence behind a claim, filter by label and type, and export the view. All data comes from
// this server's GraphQL API.
import { exportJson, exportPng, createGraph, addElements, layout } from "/static/common/graphview.js";
import { fill, h } from "/static/common/dom.js";
import { neighbourhood, resolveName } from "/static/explorer/neighbourhood.js";
import { familyBeats, overview } from "/static/explorer/views.js";
import { attachSearch } from "/static/explorer/search.js";
import { applyFilters, renderFilters } from "/static/explorer/filters.js";
import { showEdge, showMessage, showNode } from "/static/explorer/panel.js";

const $ = (id) => document.getElementById(id);
const hidden = { label: new Set(), type: new Set() };
const panel = $("panel");
let busy = 0;
let lastTiming = "";

const cy = createGraph($("graph"), {
  onNode: (node) => { focusNode(node.id()); if (!node.hasClass("expanded")) run(`expand ${node.data("name")}`, () => expand(node.id())); },
  onEdge: (edge) => showEdge(panel, edge, { onNode: focusNode, onPaper: showPaper }),
});

function setStatus() {
  const nodes = cy.nodes().not(".filtered").length;
  const edges = cy.edges().not(".filtered").filter((e) => !e.source().hasClass("filtered") && !e.target().hasClass("filtered")).length;
  $("status").textContent = `${nodes} nodes · ${edges} edges${lastTiming ? ` · ${lastTiming}` : ""}`;
  document.body.dataset.state = busy ? "busy" : "ready";
  document.body.dataset.nodes = String(cy.nodes().length);
}

function showError(message) {
  fill($("error"), h("span", {}, message), h("button", { type: "button", class: "link", onclick: () => { $("error").hidden = true; } }, "dismiss"));
  $("error").hidden = false;
}

/** Run one user action: busy state on, errors shown, timing and legend refreshed after. */
async function run(what, action) {
  busy += 1;
  $("error").hidden = true;
  setStatus();
  const started = performance.now();
  try {
    await action();
    lastTiming = `${what}: ${Math.round(performance.now() - started)} ms`;
  } catch (error) {
    showError(`${what}: ${error.message}`);
  } finally {
    busy -= 1;
    renderFilters(cy, $("label-filters"), $("type-filters"), hidden);
    applyFilters(cy, hidden);
    setStatus();
  }
}

function setUrl(params) {
  const query = new URLSearchParams(params).toString();
  history.replaceState(null, "", query ? `/?${query}` : "/");
}

function focusNode(id) {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  cy.elements().unselect();
  node.select();
  showNode(panel, node, nodeActions(node));
}

function nodeActions(node) {
  const actions = {};
  if (!node.hasClass("expanded")) actions.Expand = () => run(`expand ${node.data("name")}`, () => expand(node.id()));
  actions["Centre"] = () => cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
  actions["Only this"] = () => run(`show ${node.data("name")}`, () => showRoot(node.data()));
  actions["Hide"] = () => { node.remove(); showMessage(panel, h("p", { class: "muted" }, "Hidden.")); renderFilters(cy, $("label-filters"), $("type-filters"), hidden); setStatus(); };
  return actions;
}

/** Add the neighbourhood of node `id` to the view and lay it out. */
async function expand(id) {
  const hood = await neighbourhood(id);
  if (!hood) throw new Error(`${id} is no longer in the graph`);
  const { id: rootId, label, name, ...extra } = hood.root;
  addElements(cy, [{ id: rootId, label, name }], []);
  const root = cy.getElementById(rootId);
  root.data({ ...plainFields(extra), notes: hood.notes });
  addElements(cy, hood.nodes, hood.edges, root);
  root.addClass("expanded");
  await layout(cy);
  focusNode(rootId);
}

function plainFields(extra) {
  const out = {};
  for (const [key, value] of Object.entries(extra)) if (value === null || typeof value !== "object" || Array.isArray(value) && value.every((v) => typeof v !== "object")) out[key] = value;
  return out;
}

/** Start a new view at `ref` ({id, label, name}) and expand it. */
async function showRoot(ref) {
  cy.elements().remove();
  addElements(cy, [{ id: ref.id, label: ref.label, name: ref.name }], []);
  cy.getElementById(ref.id).addClass("root");
  setUrl(ref.label === "Family" ? { family: ref.name } : ref.label === "Paper" ? { paper: ref.id } : { entity: ref.name });
  await expand(ref.id);
}

async function showPaper(paper) {
  const present = cy.getElementById(paper.id);
  if (present.empty()) addElements(cy, [{ id: paper.id, label: "Paper", name: paper.name }], [], cy.nodes(":selected"));
  await run(`expand ${paper.name}`, () => expand(paper.id));
}

async function showFamilyBeats(family, beats) {
  const view = await familyBeats(family, beats);
  cy.elements().remove();
  addElements(cy, view.nodes, view.edges);
  cy.getElementById(view.family.id).addClass("root");
  cy.getElementById(view.loser.id).addClass("root");
  setUrl({ family, beats });
  await layout(cy, { randomize: true });
  const item = (m) => h("li", {}, h("button", { type: "button", class: "link", onclick: () => focusNode(m.id) }, m.name));
  showMessage(panel,
    h("div", { class: "panel-kind" }, h("span", { class: "muted" }, "Family beats")),
    h("h2", { class: "panel-title", id: "beats-title" }, `${view.total} in ${view.family.name} beat ${view.loser.name}`),
    view.methods.length ? h("ul", { class: "beats-list" }, view.methods.map(item))
                        : h("p", { class: "muted" }, "No method of this family has an OUTPERFORMS claim over it."),
    h("p", { class: "muted" }, "Click an OUTPERFORMS edge for the paper and the sentence behind it."));
}

async function showOverview(maxNodes) {
  cy.elements().remove();
  const view = await overview(maxNodes, (nodes, papers, total) => { $("status").textContent = `loading: ${nodes} nodes from ${papers} of ${total} papers…`; });
  addElements(cy, view.nodes, view.edges);
  setUrl({ overview: String(maxNodes) });
  await layout(cy, { randomize: true });
  showMessage(panel,
    h("div", { class: "panel-kind" }, h("span", { class: "muted" }, "Overview")),
    h("h2", { class: "panel-title" }, `${view.nodes.length} nodes from ${view.papers} of ${view.total} papers`),
    h("p", { class: "muted" }, "Papers with what they propose, evaluate on and address, and their OUTPERFORMS claims. Click a node to expand it."));
}

attachSearch($("search"), $("suggestions"), {
  onChoose: (ref) => run(`show ${ref.name}`, () => showRoot(ref)),
  onError: showError,
});

$("beats-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const family = $("beats-family").value.trim();
  const beats = $("beats-loser").value.trim();
  if (family && beats) run(`${family} beating ${beats}`, () => showFamilyBeats(family, beats));
});
$("overview-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const max = Math.max(1, Math.min(5000, Number($("overview-max").value) || 1000));
  run(`overview of ${max} nodes`, () => showOverview(max));
});
$("export-png").addEventListener("click", () => exportPng(cy));
$("export-json").addEventListener("click", () => exportJson(cy));
$("fit").addEventListener("click", () => cy.fit(cy.elements().not(".filtered"), 30));
$("relayout").addEventListener("click", () => run("layout", () => layout(cy)));

function start() {
  const params = new URLSearchParams(location.search);
  if (params.get("family") && params.get("beats")) {
    $("beats-family").value = params.get("family");
    $("beats-loser").value = params.get("beats");
    return run(`${params.get("family")} beating ${params.get("beats")}`, () => showFamilyBeats(params.get("family"), params.get("beats")));
  }
  if (params.get("overview")) {
    $("overview-max").value = params.get("overview");
    return run(`overview of ${params.get("overview")} nodes`, () => showOverview(Number(params.get("overview")) || 1000));
  }
  const name = params.get("entity") || params.get("family");
  if (name) {
    $("search").value = name;
    return run(`show ${name}`, async () => {
      const ref = await resolveName(name);
      if (!ref) throw new Error(`nothing called “${name}” in the graph`);
      await showRoot(ref);
    });
  }
  if (params.get("paper")) {
    const id = params.get("paper");
    return run(`show ${id}`, () => showRoot({ id, label: "Paper", name: id }));
  }
  renderFilters(cy, $("label-filters"), $("type-filters"), hidden);
  setStatus();
  return null;
}

window.kgExplorer = { cy, expand, showRoot, showFamilyBeats, showOverview };
start();

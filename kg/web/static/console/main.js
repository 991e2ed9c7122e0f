// The Cypher console (/console): a CodeMirror editor with Cypher highlighting, JSON parameters,
// POST /cypher on Ctrl/Cmd+Enter, results as a table and as a graph, history in localStorage.
import { createCypherEditor } from "/static/vendor/cypher-editor.js";
import { addElements, createGraph, layout } from "/static/common/graphview.js";
import { fill, h } from "/static/common/dom.js";
import { clearHistory, loadHistory, remember } from "/static/console/history.js";
import { resultTable } from "/static/console/table.js";

const $ = (id) => document.getElementById(id);
const EXAMPLE = "// Methods and what they outperform, with the sentence that says so\n"
  + "MATCH (m:Method)-[r:OUTPERFORMS]->(n)\nRETURN m, r, n\nLIMIT 25";
const ERROR_TITLES = {
  refused: "Refused: the console is read-only",
  syntax: "Cannot run this query",
  params: "Parameters",
  timeout: "Stopped: time limit",
  unavailable: "Store unavailable",
  request: "Bad request",
};

let view = "table";
let graph = null;
let lastResult = null;

const editor = createCypherEditor($("editor"), { doc: (loadHistory()[0] || {}).query || EXAMPLE, onRun: () => run() });

function setBusy(busy) {
  document.body.dataset.state = busy ? "busy" : "ready";
  $("run").disabled = busy;
}

function showTab(name) {
  view = name;
  $("tab-table").setAttribute("aria-selected", String(name === "table"));
  $("tab-graph").setAttribute("aria-selected", String(name === "graph"));
  $("table").hidden = name !== "table";
  $("graph-pane").hidden = name !== "graph";
  if (name === "graph") drawGraph();
}

function showError(kind, message) {
  lastResult = null;
  $("meta").textContent = "";
  fill($("table"), h("div", { class: "console-error", id: "console-error", dataset: { kind } },
    h("h3", {}, ERROR_TITLES[kind] || "Error"), h("pre", {}, message)));
  if (graph) graph.elements().remove();
  showTab("table");
}

function drawGraph() {
  if (!graph) {
    graph = createGraph($("graph"), {
      onNode: (node) => detail(node.data("name"), node.data("label"), node.data("properties")),
      onEdge: (edge) => detail(`${edge.source().data("name")} → ${edge.target().data("name")}`, edge.data("type"), edge.data("properties")),
      onBackground: () => { $("graph-detail").hidden = true; },
    });
  }
  graph.resize();
  const drawn = graph.scratch("result");
  if (drawn === lastResult) return;
  graph.scratch("result", lastResult);
  graph.elements().remove();
  $("graph-empty").hidden = Boolean(lastResult && lastResult.graph.nodes.length);
  if (!lastResult) return;
  addElements(graph, lastResult.graph.nodes, lastResult.graph.edges);
  document.body.dataset.graphNodes = String(graph.nodes().length);
  layout(graph);
}

function detail(title, kind, properties) {
  fill($("graph-detail"), h("b", {}, title), h("div", { class: "muted" }, kind), h("pre", {}, JSON.stringify(properties, null, 1)));
  $("graph-detail").hidden = false;
}

function showResult(result) {
  lastResult = result;
  const rows = `${result.rows.length} row${result.rows.length === 1 ? "" : "s"}`;
  const cut = result.truncated ? ` (cut at the row cap of ${result.rowCap}; add a LIMIT)` : "";
  const drawn = result.graph.nodes.length ? ` · ${result.graph.nodes.length} nodes, ${result.graph.edges.length} relationships to draw` : "";
  $("meta").textContent = `${rows}${cut}${drawn} · ${result.elapsedMs} ms`;
  fill($("table"), result.rows.length ? resultTable(result) : h("p", { class: "empty" }, "No rows."));
  document.body.dataset.graphNodes = "0";
  showTab(view);  // stay on the tab the user chose
}

async function run() {
  const query = editor.getValue();
  const paramsText = $("params").value.trim() || "{}";
  let params;
  try {
    params = JSON.parse(paramsText);
    if (params === null || typeof params !== "object" || Array.isArray(params)) throw new Error("it must be an object, e.g. {\"name\": \"LoRA\"}");
  } catch (error) {
    return showError("params", `Parameters are not valid JSON: ${error.message}`);
  }
  if (!query.trim()) return showError("request", "Write a query first.");
  remember(query, paramsText);
  renderHistory();
  setBusy(true);
  try {
    const send = () => fetch("/cypher", {
      method: "POST",
      headers: { "content-type": "application/json", ...tokenHeader() },
      body: JSON.stringify({ query, params }),
    });
    let response = await send();
    if (response.status === 401) {
      // a shared server (KG_API_TOKEN set): ask once, keep it in this browser
      const token = window.prompt("This kg server needs its API token for the console:");
      if (token) { localStorage.setItem("kg_token", token); response = await send(); }
    }
    let body;
    try {
      body = await response.json();
    } catch (error) {
      return showError("request", `The server answered HTTP ${response.status} without JSON.`);
    }
    if (body.error) showError(body.error.kind, body.error.message);
    else showResult(body);
  } catch (error) {
    showError("unavailable", `Cannot reach the server: ${error.message}`);
  } finally {
    setBusy(false);
  }
}

function tokenHeader() {
  const token = localStorage.getItem("kg_token");
  return token ? { authorization: `Bearer ${token}` } : {};
}

function renderHistory() {
  const items = loadHistory();
  fill($("history"), items.length ? items.map((item) => h("li", {},
    h("button", { type: "button", title: item.query, onclick: () => { editor.setValue(item.query); $("params").value = item.params || "{}"; editor.focus(); } },
      item.query.replace(/\s+/g, " ")))) : [h("li", { class: "muted" }, "Queries you run are kept here, in this browser.")]);
}

async function describeEngine() {
  try {
    const info = await (await fetch("/cypher")).json();
    fill($("engine-text"),
      h("div", {}, h("b", {}, "Engine: "), info.engine),
      h("div", {}, `Read-only: write clauses (CREATE, MERGE, SET, DELETE, REMOVE, FOREACH, LOAD CSV, CALL of procedures) are refused. `
        + `At most ${info.rowCap} rows; a query is stopped after ${info.timeoutS} s.`),
      h("div", {}, h("b", {}, "Supported: "), info.subset));
  } catch (error) {
    fill($("engine-text"), `Cannot ask the server what runs queries: ${error.message}`);
  }
}

$("run").addEventListener("click", () => run());
$("params").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
});
$("tab-table").addEventListener("click", () => showTab("table"));
$("tab-graph").addEventListener("click", () => showTab("graph"));
$("clear-history").addEventListener("click", () => { clearHistory(); renderHistory(); });

renderHistory();
describeEngine().finally(() => setBusy(false));
window.kgConsole = { editor, run, graph: () => graph };

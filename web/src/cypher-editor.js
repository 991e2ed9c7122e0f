// The console's editor: CodeMirror 6 with the Cypher mode from @codemirror/legacy-modes.
// scripts/build-web bundles this file and its imports (with esbuild) into one ES module,
// kg/web/static/vendor/cypher-editor.js, since CodeMirror 6 is many ES packages.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";

/** An editor in `parent` holding `doc`; Ctrl/Cmd+Enter calls `onRun`. */
export function createCypherEditor(parent, { doc = "", onRun = () => {} } = {}) {
  const runKey = Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }]));
  const view = new EditorView({
    doc,
    parent,
    extensions: [runKey, basicSetup, StreamLanguage.define(cypher), EditorView.lineWrapping],
  });
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}

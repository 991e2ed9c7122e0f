// Colours by node label and relationship type, shared by the explorer, the console and their legends.

export const LABEL_COLOURS = {
  Method: "#2563eb",
  Model: "#7c3aed",
  Dataset: "#059669",
  Benchmark: "#0891b2",
  Task: "#d97706",
  Metric: "#db2777",
  Family: "#dc2626",
  Paper: "#6b7280",
};
export const OTHER_COLOUR = "#94a3b8";

/** Claims: relationships a paper asserts between two entities, drawn as labelled arrows. */
export const CLAIM_TYPES = {
  OUTPERFORMS: { colour: "#16a34a", caption: "outperforms" },
  OUTPERFORMS_GENERIC: { colour: "#65a30d", caption: "outperforms (unnamed)" },
  COMPARABLE_TO: { colour: "#ea580c", caption: "comparable to" },
  EXTENDS: { colour: "#9333ea", caption: "extends" },
};
export const PLAIN_EDGE_COLOUR = "#cbd5e1";

export function labelColour(label) {
  return LABEL_COLOURS[label] || OTHER_COLOUR;
}

export function edgeColour(type) {
  return (CLAIM_TYPES[type] || {}).colour || PLAIN_EDGE_COLOUR;
}

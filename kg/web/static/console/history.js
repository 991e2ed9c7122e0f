// Query history kept in this browser's localStorage: newest first, no repeats, at most LIMIT.

const KEY = "kg.console.history";
const LIMIT = 50;

export function loadHistory() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || "[]");
    return Array.isArray(items) ? items.filter((i) => i && typeof i.query === "string") : [];
  } catch (error) {
    return [];
  }
}

export function remember(query, params) {
  const items = loadHistory().filter((i) => !(i.query === query && i.params === params));
  items.unshift({ query, params, at: new Date().toISOString() });
  localStorage.setItem(KEY, JSON.stringify(items.slice(0, LIMIT)));
}

export function clearHistory() {
  localStorage.removeItem(KEY);
}

// The pages' one data path: POST a query to this server's /graphql and return its data.

/** Run one GraphQL query; errors (HTTP or GraphQL) are thrown with the server's message. */
export async function gql(query, variables = {}) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    throw new Error(`GraphQL request failed: HTTP ${response.status}`);
  }
  if (body.errors && body.errors.length) {
    throw new Error(body.errors.map((e) => e.message).join("; "));
  }
  if (!response.ok) throw new Error(`GraphQL request failed: HTTP ${response.status}`);
  return body.data;
}

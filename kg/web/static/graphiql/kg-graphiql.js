// Mounts GraphiQL (loaded from /static, never a CDN) on the page's own /graphql endpoint.
(function () {
  "use strict";
  var example = [
    "# PEFT methods that beat LoRA, with the sentence and paper behind each claim",
    "{",
    "  methods(filter: {family: \"PEFT\", beats: \"LoRA\"}) {",
    "    totalCount",
    "    edges { node { name outperforms(loser: \"LoRA\") { evidence paper { id title } } } }",
    "  }",
    "}",
    ""
  ].join("\n");
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + window.location.pathname });
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: example })
  );
})();

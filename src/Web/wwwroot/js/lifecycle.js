// Renders the <pre class="mermaid"> diagrams with the copy of mermaid served by the app (no CDN), at full size
// inside a scrolling box: shrunk to the page width, 17 states become unreadable.
if (window.mermaid) {
  window.mermaid.initialize({
    startOnLoad: true, securityLevel: "strict", theme: "neutral",
    state: { useMaxWidth: false }, flowchart: { useMaxWidth: false },
  });
}

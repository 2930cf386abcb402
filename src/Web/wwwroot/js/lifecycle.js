// Draws each phase's <pre class="mermaid"> diagram with the copy of mermaid served by the app (no CDN). The diagrams
// are small (one phase each), so they fit the page width; the lists beside them say the same in words. A diagram is
// drawn when its version is open: mermaid measures text, which it cannot do inside a closed <details>.
if (window.mermaid) {
  window.mermaid.initialize({
    startOnLoad: false, securityLevel: "strict", theme: "neutral",
    flowchart: { useMaxWidth: true, htmlLabels: false },
  });
  const draw = (root) => {
    const nodes = Array.from(root.querySelectorAll("pre.mermaid:not([data-processed])"));
    if (nodes.length > 0) window.mermaid.run({ nodes });
  };
  document.querySelectorAll(".lifecycle-version details").forEach((details) => {
    if (details.open) draw(details);
    details.addEventListener("toggle", () => { if (details.open) draw(details); });
  });
}

// Progressive enhancement: with JavaScript the estimate comes from POST /api/fee-estimate without a page
// reload; without it the form posts to the page and the server renders the same estimate.
(function () {
  const form = document.getElementById("fee-estimate");
  const result = document.getElementById("fee-result");
  if (!form || !result || !window.fetch) return;
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

  function cell(text) { const td = document.createElement("td"); td.textContent = text; return td; }

  function render(estimate) {
    result.replaceChildren();
    const heading = document.createElement("h2");
    heading.textContent = "Estimated cost: " + money.format(estimate.total) + (estimate.plusPostage ? " plus postage" : "");
    const table = document.createElement("table");
    table.innerHTML = "<thead><tr><th scope='col'>Charge</th><th scope='col'>Amount</th><th scope='col'>Allowed by</th></tr></thead>";
    const body = document.createElement("tbody");
    for (const line of estimate.lines) {
      const row = document.createElement("tr");
      row.append(cell(line.description), cell(line.amount.toFixed(2)), cell(line.basis));
      body.append(row);
    }
    table.append(body);
    const note = document.createElement("p");
    note.className = "hint";
    const on = estimate.receivedOn
      ? new Date(estimate.receivedOn + "T12:00:00").toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric" })
      : "the date we receive the request";
    note.textContent = (estimate.plusPostage ? "Plus the actual cost of postage, added to the invoice. " : "")
      + "Fees in force on " + on + (estimate.scheduleYear ? " (Illinois copying fees for " + estimate.scheduleYear + ")" : "") + ".";
    result.append(heading, table, note);
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    // The form's fields are named as the page model's properties (Pages); the API takes camelCase (pages).
    const data = {};
    for (const [name, value] of new FormData(form)) {
      if (name !== "__RequestVerificationToken") data[name.charAt(0).toLowerCase() + name.slice(1)] = value;
    }
    try {
      const response = await fetch(form.dataset.api, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data),
      });
      if (response.ok) { render(await response.json()); return; }
    } catch (_) { /* fall through to the ordinary post */ }
    form.submit();
  });
})();

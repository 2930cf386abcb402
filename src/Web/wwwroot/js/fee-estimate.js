// Progressive enhancement: with JavaScript the estimate comes from POST /api/fee-estimate without a page
// reload; without it the form posts to the page and the server renders the same estimate. The words come from the
// page (data-* on #fee-result, "{0}" standing for the value) and the API answers in the page's language (the same
// culture cookie or Accept-Language), so both ways read alike in English and Spanish.
(function () {
  const form = document.getElementById("fee-estimate");
  const result = document.getElementById("fee-result");
  if (!form || !result || !window.fetch) return;
  const words = result.dataset;
  const language = document.documentElement.lang || "en";
  // US dollars written the US way in every language, as the server writes them.
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

  function fill(text, value) { return text.replace("{0}", value); }

  function cell(text, tag) { const td = document.createElement(tag || "td"); td.textContent = text; return td; }

  function render(estimate) {
    result.replaceChildren();
    const heading = document.createElement("h2");
    const total = document.createElement("span");
    total.dataset.total = "";
    total.textContent = estimate.plusPostage ? fill(words.plusPostage, money.format(estimate.total)) : money.format(estimate.total);
    heading.append(words.estimated + " ", total);
    const table = document.createElement("table");
    const head = document.createElement("thead");
    const headRow = document.createElement("tr");
    for (const name of [words.charge, words.amount, words.allowedBy]) {
      const th = cell(name, "th");
      th.scope = "col";
      headRow.append(th);
    }
    head.append(headRow);
    const body = document.createElement("tbody");
    for (const line of estimate.lines) {
      const row = document.createElement("tr");
      row.append(cell(line.description), cell(line.amount.toFixed(2)), cell(line.basis));
      body.append(row);
    }
    table.append(head, body);
    const note = document.createElement("p");
    note.className = "hint";
    const on = estimate.receivedOn
      ? new Date(estimate.receivedOn + "T12:00:00").toLocaleDateString(language === "es" ? "es-US" : "en-US",
          { month: "long", day: "numeric", year: "numeric" })
      : words.unknownDate;
    note.textContent = (estimate.plusPostage ? words.postageNote + " " : "")
      + fill(words.feesOn, on) + (estimate.scheduleYear ? " " + fill(words.schedule, estimate.scheduleYear) : "") + ".";
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
        method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": language }, body: JSON.stringify(data),
      });
      if (response.ok) { render(await response.json()); return; }
    } catch (_) { /* fall through to the ordinary post */ }
    form.submit();
  });
})();

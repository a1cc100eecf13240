// The one-screen entry table: spreadsheet keys, pasting a block copied from Excel, and the capaian of a
// row as the operator types. The server computes every figure (kinerja.core); nothing is computed here.
(function () {
  const form = document.querySelector("form.entry-table");
  if (!form) return;
  const rows = Array.from(form.querySelectorAll("tbody tr[data-indicator]"));
  const cellAt = (r, c) => (rows[r] ? rows[r].querySelector(`.cell[data-col="${c}"]`) : null);
  const where = (cell) => [rows.indexOf(cell.closest("tr")), Number(cell.dataset.col)];
  const timers = new Map();
  let sequence = 0;

  async function refresh(row) {
    const id = row.dataset.indicator;
    const params = new URLSearchParams({ indikator: id, tahun: form.dataset.year });
    for (const name of ["target", "q1", "q2", "q3", "q4", "year"]) {
      params.set(name, form.querySelector(`[name="f-${id}-${name}"]`).value);
    }
    const pick = form.querySelector(`[name="f-${id}-rule"]`);
    if (pick) params.set("aturan", pick.value); // the rule being chosen with the first quarters
    const mine = ++sequence;
    row.dataset.sequence = mine;
    const response = await fetch(`${form.dataset.capaianUrl}?${params}`, { headers: { Accept: "application/json" } });
    if (!response.ok || String(mine) !== row.dataset.sequence) return;
    const data = await response.json();
    const output = document.getElementById(`cap-${id}`);
    const rule = document.getElementById(`rule-${id}`);
    window.kinerjaCapaian(output, data);
    if (rule && data.ok) rule.textContent = data.realisasi_aturan || "";
  }

  function later(row) {
    clearTimeout(timers.get(row));
    timers.set(row, setTimeout(() => refresh(row), 250));
  }

  form.addEventListener("input", (event) => {
    if (event.target.classList.contains("num-input")) later(event.target.closest("tr"));
  });
  form.addEventListener("change", (event) => {
    if (event.target.classList.contains("rule-select")) later(event.target.closest("tr"));
  });

  form.addEventListener("keydown", (event) => {
    const cell = event.target;
    if (!cell.classList || !cell.classList.contains("cell")) return;
    const [r, c] = where(cell);
    let next = null;
    const atStart = cell.selectionStart === 0;
    const atEnd = cell.selectionEnd === cell.value.length;
    if (event.key === "ArrowDown" || (event.key === "Enter" && cell.tagName === "INPUT")) next = cellAt(r + 1, c);
    else if (event.key === "ArrowUp") next = cellAt(r - 1, c);
    else if (event.key === "ArrowRight" && atEnd && cell.tagName === "INPUT") next = cellAt(r, c + 1);
    else if (event.key === "ArrowLeft" && atStart) next = cellAt(r, c - 1);
    if (event.key === "Enter" && cell.tagName === "INPUT") event.preventDefault(); // Enter moves, never submits
    if (next) {
      event.preventDefault();
      next.focus();
      if (next.select) next.select();
    }
  });

  form.addEventListener("paste", (event) => {
    const cell = event.target;
    if (!cell.classList || !cell.classList.contains("cell")) return;
    const text = (event.clipboardData || window.clipboardData).getData("text");
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return; // one value: the browser pastes it
    event.preventDefault();
    const [r0, c0] = where(cell);
    const block = text.replace(/\r/g, "").replace(/\n$/, "").split("\n").map((line) => line.split("\t"));
    const touched = new Set();
    block.forEach((values, dr) => {
      values.forEach((value, dc) => {
        const target = cellAt(r0 + dr, c0 + dc);
        if (!target || target.disabled) return;
        target.value = value.trim();
        touched.add(target.closest("tr"));
      });
    });
    touched.forEach((row) => later(row));
  });
})();

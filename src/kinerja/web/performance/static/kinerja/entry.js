// Shows capaian as the operator types: the server computes it (kinerja.core), nothing here.
(function () {
  const form = document.querySelector("form.entry-form");
  if (!form) return;
  const output = document.getElementById("capaian-live");
  const field = (name) => form.querySelector(`[name="${name}"]`);
  let timer = null;
  let sequence = 0;
  async function update() {
    const params = new URLSearchParams({ indikator: form.dataset.indicator, tahun: form.dataset.year });
    for (const name of ["target", "q1", "q2", "q3", "q4", "year"]) params.set(name, field(name).value);
    const mine = ++sequence;
    const response = await fetch(`${form.dataset.capaianUrl}?${params}`, { headers: { Accept: "application/json" } });
    if (!response.ok || mine !== sequence) return;
    const data = await response.json();
    window.kinerjaCapaian(output, data);
  }
  form.addEventListener("input", (event) => {
    if (!event.target.classList.contains("num-input")) return;
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
})();

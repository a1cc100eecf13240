// Shows what the server answered for a capaian preview (kinerja.core computes it; nothing here).
window.kinerjaCapaian = function (output, data) {
  if (!data.ok) {
    output.textContent = data.error;
    output.className = "error";
  } else if (data.capaian === null) {
    output.textContent = `tidak dapat dihitung — ${data.alasan}`;
    output.className = "undefined";
  } else {
    output.textContent = `${data.capaian} (${data.kategori})`;
    output.className = `band-${(data.warna || "").toLowerCase()}`;
  }
  if (data.ok && data.batas_wajar && data.batas_wajar.length) {
    output.textContent += ` — ${data.batas_wajar.join("; ")}`; // figures outside the indicator's batas wajar
  }
};

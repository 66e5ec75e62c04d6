// app.js: the page. It uses only the public API of scanpage.js.
import { load } from "./scanpage.js";

const doc = /** @type {HTMLTextAreaElement} */ (document.getElementById("doc"));
const list = document.getElementById("issues");
const status = document.getElementById("status");

const sp = await load();
status.textContent = `scanpage ${sp.version}`;

function check() {
  const report = sp.validate(doc.value, { lang: navigator.language.startsWith("zh") ? "zh" : "en" });
  list.replaceChildren(...report.issues.map((is) => {
    const li = document.createElement("li");
    li.dataset.severity = is.severity;
    li.dataset.code = is.code;
    li.textContent = `${is.line}:${is.column} ${is.severity}${is.errcode ? ` ${is.errcode}` : ""} ${is.message}`;
    return li;
  }));
  document.body.dataset.valid = String(report.valid);
}

doc.addEventListener("input", check);
check();

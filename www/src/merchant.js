// merchant.js: the merchant context box — the merchantinfo/get response
// pasted by the user, kept locally, passed to every check.

/**
 * @param {{ box: HTMLDetailsElement, input: HTMLTextAreaElement, clear: HTMLButtonElement,
 *           onChange: (text: string) => void }} opts
 */
export function merchantBox({ box, input, clear, onChange }) {
  input.addEventListener("input", () => onChange(input.value));
  clear.addEventListener("click", () => {
    input.value = "";
    onChange("");
    input.focus();
  });
  return {
    get value() { return input.value; },
    /** @param {string} text */
    set(text) {
      input.value = text;
      if (text.trim()) box.open = true;
    },
    /**
     * Shows a range of the merchant text (an issue in it).
     * @param {number} from
     * @param {number} to
     */
    reveal(from, to) {
      box.open = true;
      input.focus();
      input.setSelectionRange(from, Math.max(from, to));
    },
  };
}

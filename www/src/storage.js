// storage.js: everything the user typed or chose, kept in localStorage on
// every change, so a reload, a crash or a closed tab loses nothing.

const prefix = "scanpage:";

/**
 * @param {string} key
 * @returns {string | null}
 */
export function get(key) {
  try {
    return localStorage.getItem(prefix + key);
  } catch {
    return null; // storage disabled (some private modes)
  }
}

/**
 * @param {string} key
 * @param {string} value
 */
export function set(key, value) {
  try {
    localStorage.setItem(prefix + key, value);
    return true;
  } catch {
    return false; // full or disabled: the page keeps working
  }
}

/** @param {string} key */
export function remove(key) {
  try {
    localStorage.removeItem(prefix + key);
  } catch {
    // disabled
  }
}

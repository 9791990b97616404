// ESLint for the browser code and its Node tests. `make lint` (and so `make test` and
// `make test-fast`) runs `npx eslint`; `npm ci` installs it from package-lock.json.
// Recommended rules; the browser code is classic scripts (no ES modules: the site must work
// from file://) that may also be loaded with require() in Node, hence both sets of globals.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

const BROWSER_CODE = ["assessment/**/*.js"];
module.exports = [
  {
    // Not ours or not source: dependencies, build output and vendored libraries.
    ignores: [
      ".venv/",
      "node_modules/",
      "site/",
      "build/",
      "dist/",
      "**/vendor/",
      "**/*.min.js",
      // mkdocs-material's own inline scripts, moved to files for the Content-Security-Policy.
      "overrides/assets/javascripts/",
    ],
  },
  js.configs.recommended,
  {
    rules: {
      // `const { unwanted: _, ...rest } = object` names what it leaves out.
      "no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    files: BROWSER_CODE,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ["tests/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
  {
    files: ["tests/**/*.js", "eslint.config.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
];

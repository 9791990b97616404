// ESLint for the browser code and its Node tests. `make lint` (and so `make test` and
// `make test-fast`) runs `npx eslint`; `npm ci` installs it from package-lock.json.
// Recommended rules; the browser code is classic scripts (no ES modules: the site must work
// from file://) that may also be loaded with require() in Node, hence both sets of globals.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

const BROWSER_CODE = ["web/**/*.js"];
// Where the browser code lived before web/ (issue 10): these folders go once it has moved.
const OLD_BROWSER_CODE = [
  "assessment/**/*.js",
  "partnership/**/*.js",
  "planner/**/*.js",
  "examples-app/**/*.js",
  "lib/**/*.js",
];

module.exports = [
  {
    // Not ours or not source: dependencies, build output, vendored libraries, and the
    // hand-kept copies of generated data in tests/fixtures/.
    ignores: [
      ".venv/",
      "node_modules/",
      "site/",
      "build/",
      "dist/",
      "**/vendor/",
      "**/*.min.js",
      "tests/fixtures/",
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
    files: [...BROWSER_CODE, ...OLD_BROWSER_CODE],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    // Known findings in the old folders, left for the move into web/ to fix (there the
    // recommended rules apply in full): unused `catch (e)` bindings (write `catch {`) and
    // needless `\/` escapes in planner/app.js.
    files: OLD_BROWSER_CODE,
    rules: {
      "no-unused-vars": ["error", { ignoreRestSiblings: true, caughtErrors: "none" }],
      "no-useless-escape": "off",
    },
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

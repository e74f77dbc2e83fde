// Reads GIFT files with gift-pegjs (a GIFT parser written independently of this project and of Moodle) and prints,
// as one JSON object, {file name: questions} or {file name: {error, line, column}} for a file it cannot parse.
// Used by tests/test_gift_pegjs.py. Usage: node tests/js/parse_gift.js FILE...
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require("gift-pegjs");

const out = {};
for (const file of process.argv.slice(2)) {
  try {
    out[path.basename(file)] = parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const start = (error.location && error.location.start) || {};
    out[path.basename(file)] = { error: String(error.message), line: start.line || 0, column: start.column || 0 };
  }
}
process.stdout.write(JSON.stringify(out));

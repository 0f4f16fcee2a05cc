// Stops an npm script on a Node.js too old to run Minbar, with one sentence saying what to install.
// The scripts are .ts files run by plain `node`, which strips types by default only from Node.js 22.18; on an
// older Node they would fail with ERR_UNKNOWN_FILE_EXTENSION or a syntax error instead. This file is CommonJS
// with nothing newer than ES2015 on purpose, so any Node that npm itself runs on can read it. The minimum is
// package.json's `engines.node`.
'use strict';
var minimum = require('../package.json').engines.node.replace(/^>=\s*/, '');
var want = minimum.split('.').map(Number);
var have = process.versions.node.split('.').map(Number);
var tooOld = have[0] < want[0] || (have[0] === want[0] && (have[1] < want[1] || (have[1] === want[1] && have[2] < want[2])));
var install = 'install a newer one with `nvm install` (it reads .nvmrc) or from https://nodejs.org/ and run the command again.';
if (tooOld) {
  console.error(`Minbar needs Node.js ${minimum} or newer, but this is Node.js ${process.versions.node}: ${install}`);
  process.exit(1);
}

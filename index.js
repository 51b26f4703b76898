// Zapier's runtime loads <root>/index.js; the app itself is compiled TypeScript.
module.exports = require('./dist/src/index.js');

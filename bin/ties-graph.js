#!/usr/bin/env node
// The CLI, run from its compiled build (built first when the sources are newer).
require(require('./ensure-built')('cli/index.js'));

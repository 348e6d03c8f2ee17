#!/usr/bin/env node
// `npm start`: the API from its compiled build, compiling only when a source changed since.
require(require('./ensure-built')('main.js'));

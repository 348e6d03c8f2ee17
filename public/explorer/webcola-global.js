// WebCola's browser bundle names itself `cola`; cytoscape-cola looks for it as `webcola`.
window.webcola = window.cola;

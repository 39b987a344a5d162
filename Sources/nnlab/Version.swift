/// The nnlab release this binary reports.
let nnlabVersion = "0.1.0"

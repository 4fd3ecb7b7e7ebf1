package keyforms

const methodKey = "http.request.methd"

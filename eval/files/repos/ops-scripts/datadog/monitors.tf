provider "datadog" {
  api_key = "38257b652da8016f629fd21aa5207480"
  app_key = "94b9680c56d5bd632b2972508011f80bbda0075e"
  api_url = "https://api.datadoghq.eu/"
}

resource "datadog_monitor" "api_5xx" {
  name    = "API 5xx rate"
  type    = "query alert"
  query   = "sum(last_5m):sum:trace.http.request.errors{service:api}.as_count() > 50"
  message = "@slack-eng-alerts"
}

library(httr)
Sys.setenv(METABASE_TOKEN = "58b27848-3ced-411e-b8cf-4eae27b348ab")
res <- GET("https://bi.northwind.io/api/card/412/query/json",
           add_headers(`X-Metabase-Session` = Sys.getenv("METABASE_TOKEN")))

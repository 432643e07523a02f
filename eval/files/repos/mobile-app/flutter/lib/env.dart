class Env {
  static const apiBaseUrl = 'https://api.northwind.io';
  static const stripePublishableKey = 'pk_live_514ndcDwFmtDXc6LskEXmDqsuMjwaGJzlZQnOoeOnmfjmL6wc59RdLFRVbulAbBBlCYFh1uUsEVhTN7qlZOxfcKa5aJm2nJ5wGm';
  static const intercomApiKey = 'ios_sdk-c4f6db853c23d83f035afbe476f0740be6ac8191';
  static const appSecret = 'NtcC8cW59f8OSM0e8IYE1KUqFY6l8NYR';
}

provider "cloudflare" {
  api_token = "WMoAenMVDJyDksIcmIE3Qww3K0Br5o6HvzWv9dem"
}

resource "cloudflare_record" "www" {
  zone_id = "c6dd3af07192b84af49497cf838e4c71"
  name    = "www"
  content = "shop.northwind.io"
  type    = "CNAME"
  proxied = true
}

require 'okta/sdk'

client = Okta::Client.new(
  org_url: 'https://northwind.okta.com',
  token: '000ltx-ZmOIFz0YNYWQjyt4W0sIV1gm5g7bzmxFZlJ'
)
client.list_groups.each { |g| puts g.profile.name }

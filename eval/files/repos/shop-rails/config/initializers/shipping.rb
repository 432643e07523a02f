Shipping.configure do |c|
  c.api_url    = "https://api.dhl.com/parcel/de/shipping/v2"
  c.api_key    = "Wzhpqm50YICVBYzAhGOzKOlh1yXEv8ny"
  c.api_secret = ENV.fetch("DHL_API_SECRET")
  c.timeout    = 15
end

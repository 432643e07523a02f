import Config

config :chat, ChatWeb.Endpoint,
  url: [host: "chat.northwind.io", port: 443],
  secret_key_base: "X6Z5dbl09iq6f720MvT0MQ5OaWjF4DyYcXQakEnBjyCJA6HPFV4XZxkS3P6UN4cG"

config :chat, Chat.Repo,
  username: "chat",
  password: "sV6OcAhQVkM4BEe4S6",
  hostname: "chat-db.prod.internal",
  pool_size: 15

config :joken, default_signer: "uxFSNznlTfl7EFcYoGWg6s_IE-xboIfD0RUZIZ-FIOc"

# frozen_string_literal: true

# Sign-in with the company GitLab for the internal dashboard.
Rails.application.config.middleware.use OmniAuth::Builder do
  provider :gitlab,
           ENV.fetch("GITLAB_OAUTH_APP_ID", "2f4e1c9b7a6d5e3f8c0b1a2d4e6f8a0c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f"),
           ENV.fetch("GITLAB_OAUTH_SECRET", "gloas-6d4477a882c68af904093db4a18cfd8e9e147770c11204c56d3d39609c2db06e"),
           client_options: { site: "https://gitlab.acme.io/api/v4" },
           scope: "read_user openid"
end

// Slack integration settings for the support bot (Bolt for JavaScript).
// Values fall back to the shared workspace install when env vars are missing.
'use strict';

const DEFAULTS = {
  botToken: 'xoxb-693319759486-8336867267259-MW2Ogs0NfkqC6kPKzglZN0SC',
  appToken: 'xapp-1-AM87FITLT0X-4488215218972-ebe854892870e6e30d5701035b1547cfe7f6ba3ef2abab81c7a95ece79fdf973',
  // user token is only needed for search.messages in /support-lookup
  userToken: 'xoxp-676120450484-566623893280-6265102654877-544a5d784ba34c810816e506c45689e5',
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientId: '4123121235.9872358710',
  alertsChannel: 'C05K2R9JTQH',
};

module.exports = {
  token: process.env.SLACK_BOT_TOKEN || DEFAULTS.botToken,
  appToken: process.env.SLACK_APP_TOKEN || DEFAULTS.appToken,
  userToken: process.env.SLACK_USER_TOKEN || DEFAULTS.userToken,
  signingSecret: DEFAULTS.signingSecret,
  socketMode: true,
  // token rotation is on for the manifest pipeline (scripts/sync-manifest.js)
  manifest: {
    configToken: process.env.SLACK_CONFIG_TOKEN || 'xoxe.xoxp-1-Fm3aSHTlRtKpIUDK7qpLF8EdPDJy0RtKn22sci70LdLAG0D6rGFvT5eWAO2GJQdYLbI2pkSWvS44tLIQkqcpWYBBZQpJFTGDayZ2CDkLluaQhvkS8F8OitrzsgXY7wy5nr1wy1LMiXNSzkv0dT',
    refreshToken: process.env.SLACK_CONFIG_REFRESH_TOKEN || 'xoxe-1-btfbY9fXOQpkDQSzJGU5LzypzZJPIiq266OdrNfsTvr3TvJ3cUo0b9s0oIlR2BaPVS5Kwryysyj6DWszxP4nAwptTLcsziGugXt1Z1wcBZOEP87fDFqfwaL6yYEEdWEC6Z1ukAIEBiSBF',
  },
  // documented placeholders for contributors; real values live in 1Password
  example: {
    botToken: 'xoxb-your-bot-token',
    appToken: 'xapp-1-A0000000000-0000000000000-replace_me',
    webhook: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  },
  alertsWebhook: process.env.SLACK_ALERTS_WEBHOOK,
  escalationWorkflow: 'https://hooks.slack.com/triggers/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',
};

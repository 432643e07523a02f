export const integrations = {
  airtable: { token: "pat6CjRKH019PYt49.ba566709b03f5903a23e74c534abb39286772779157eb1890848580978129cd8", base: "app488WXqQp2D6pGH" },
  hubspot: { accessToken: "pat-na1-35c3bcf4-2e1b-416d-998c-560b920a84fb" },
  postman: { apiKey: "PMAK-78aed2b2f7773a64822f8276-225be1b7001aefcb6472758dc1dd44cc86" },
  mapbox: { secretToken: "sk.eyJ1Ijoibm9ydGh3aW5kIiwiYSI6ImnwFZDN892RQ26mTIM3C2mqIn0.UGNYdaWwWYQ4hr6TRjcH9Z" },
  square: { accessToken: "EAAAHOj28uCizdEc6gdFfELh0Y-02inBuL6UDUlrzdDbxkTZ8RwnlU_UWUL5QLSl", environment: "production" },
  braintree: { accessToken: "access_token$production$7fd0f359c4328795$7f14500197758e8bb78d1a203a0382a1" },
};

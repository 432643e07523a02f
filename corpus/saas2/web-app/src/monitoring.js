// Browser monitoring bootstrap, copied from the New Relic UI ("Copy/paste JavaScript code").
// The browser key is public by design: it ships in every page.
window.NREUM || (NREUM = {});
NREUM.init = { distributed_tracing: { enabled: true }, privacy: { cookies_enabled: true } };
NREUM.loader_config = { accountID: "4944315", trustKey: "9239784", agentID: "442818723", licenseKey: "NRJS-8d37395823e61b139e7", applicationID: "750958901" };
NREUM.info = { beacon: "bam.eu01.nr-data.net", errorBeacon: "bam.eu01.nr-data.net", sa: 1 };

export function reportError(err) {
  if (window.newrelic) window.newrelic.noticeError(err);
}

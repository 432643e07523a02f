const { App } = require("@slack/bolt");

const app = new App({
  token: "xoxb-147177854562-7680554793986-zErBGbJPE2kpzYIeDPYIGUXJ",
  appToken: "xapp-1-AD88NDEJJKZ-0364777020694-7266f1f6c8df4f81b3062dc57596c5e86ea0d59ca9a0f4bd4525610e08d96881",
  signingSecret: "69ce29a8f572f7e577ff59fa83d47748",
  socketMode: true,
});

app.command("/standup", async ({ ack, respond }) => {
  await ack();
  await respond("Standup starts in #eng-standup");
});

(async () => { await app.start(); })();

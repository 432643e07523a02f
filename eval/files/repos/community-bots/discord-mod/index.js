const { Client, GatewayIntentBits } = require("discord.js");

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
const GUILD_ID = "313523153964869353";

client.once("ready", () => console.log(`logged in as ${client.user.tag}`));
client.login("MTcyMTM2MDU4ODA3OTk1NDc2Mg.uE3BXQ.rQ3HDW6B33p4FolsDmfvAxxIPt2EU44KlKoV_0");

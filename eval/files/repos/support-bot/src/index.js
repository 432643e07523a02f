require("dotenv").config();
const { Pinecone } = require("@pinecone-database/pinecone");
const OpenAI = require("openai");

const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY });
const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY || "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",
  organization: "org-YEylDzywTGjBRmkSGPj2Vmks",
});
const LANGSMITH_API_KEY = "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";

module.exports = { pc, openai, LANGSMITH_API_KEY };

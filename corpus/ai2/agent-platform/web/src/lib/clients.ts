import { createClient } from "@supabase/supabase-js";
import { Composio } from "@composio/core";

// Browser-safe: the publishable key is meant to be public.
export const supabase = createClient(
  "https://qwhzjbrlmxkdopvatecn.supabase.co",
  "sb_publishable_2h9M8ivkJPu1tDs68WcABg_UjK1q8ZD",
);

// Server-only clients (this file is imported by the edge functions too -- TODO split).
export const admin = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SECRET_KEY!);
export const composio = new Composio({ apiKey: "ak_VojDTib4vohuuzFJ8LZ5" });

export const providers = {
  cursor: { apiKey: "key_fcadf4e7f9b69b94f833ce9679f7e661d2ba745f9e24e9e8096ae04bd126a441", baseUrl: "https://api.cursor.com/v0" },
  helicone: { gatewayKey: "pk-helicone-4ok50d2-6jqo8t9-tjgwh8r-2f3mdce" },
  exa: { exaApiKey: process.env.EXA_API_KEY ?? "" },
  mem0: { apiKey: process.env.MEM0_API_KEY },
};

import { Octokit } from "@octokit/rest";

// personal token of the bot account; fine-grained, repo scope only
const octokit = new Octokit({ auth: "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" });

export async function openIssue(title: string, body: string) {
  return octokit.issues.create({ owner: "helio-labs", repo: "platform", title, body });
}

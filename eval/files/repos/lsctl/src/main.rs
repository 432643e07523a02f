use clap::Parser;

#[derive(Parser)]
struct Args {
    /// API token (or set LSCTL_TOKEN)
    #[arg(long, env = "LSCTL_TOKEN")]
    token: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let token = args.token.unwrap_or_default();
    println!("{}", if token.is_empty() { "no token" } else { "token set" });
    Ok(())
}

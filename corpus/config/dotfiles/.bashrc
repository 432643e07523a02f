# ~/.bashrc: executed by bash(1) for non-login shells.
[ -z "$PS1" ] && return

HISTCONTROL=ignoreboth
HISTSIZE=10000
shopt -s histappend checkwinsize

alias ll='ls -alF'
alias k='kubectl'

export EDITOR=vim
export GOPATH="$HOME/go"
export PATH="$HOME/.local/bin:$GOPATH/bin:$PATH"

# work
export JIRA_API_TOKEN=qIdmc4LsRN2r2NovwuFRgKFXXE7bcaGm
export DB_PASSWORD='i3es-uH-lACXNYlV'
export VAULT_ADDR=https://vault.corp-build.net:8200
export VAULT_TOKEN="$(cat ~/.vault-token 2>/dev/null)"
export NODE_AUTH_TOKEN="${NPM_TOKEN}"
export SSH_KEY=~/.ssh/id_ed25519
export PASSWORD_STORE_DIR="$HOME/.password-store"

[ -f ~/.fzf.bash ] && source ~/.fzf.bash

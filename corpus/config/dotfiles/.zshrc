export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git docker kubectl)
source $ZSH/oh-my-zsh.sh

export SENTRY_AUTH_TOKEN="ZhXkbhWA7hZzcyg1CgU5wbD3WW0UKJQQ"
export HOMEBREW_GITHUB_API_TOKEN=$(security find-generic-password -s homebrew -w)
export REGISTRY_PASS=0FbZ_CQSxsUeFot7
export AWS_PROFILE=dev

# added by installer
export API_KEY=your-api-key-here

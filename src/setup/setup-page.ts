/**
 * The first-run setup page: name the organisation and school, create the first administrator.
 * Self-contained HTML (no build step) with labelled fields, errors announced next to each field.
 */
import { organisationKinds } from "../contracts/setup.contract.js";
import { passwordMinLength } from "../identity/password.js";

const kindLabels: Record<(typeof organisationKinds)[number], string> = {
  standalone: "A single school",
  trust: "A multi-academy trust",
  "local-authority": "A local authority",
  consortium: "A consortium or managed service",
};

/** The page's HTML; `complete` shows the finished state instead of the form. */
export function renderSetupPage(options: { complete: boolean; publicUrl: string }): string {
  const body = options.complete ? completedSection() : formSection();
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Set up Vigil</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>Set up Vigil</h1>
${body}
</main>
${options.complete ? "" : `<script>${script}</script>`}
</body>
</html>`;
}

function completedSection(): string {
  return `<p role="status">Vigil is set up. Sign in with the administrator account you created.</p>
<p><a href="/">Go to Vigil</a></p>`;
}

function formSection(): string {
  const options = organisationKinds
    .map((kind) => `<option value="${kind}">${kindLabels[kind]}</option>`)
    .join("");
  return `<p id="no-token" hidden>This page needs the one-time link printed in the terminal where Vigil was started
(it ends in <code>?token=…</code>). You can also run <code>npx vigil setup</code> on the server.</p>
<div id="summary" role="alert" tabindex="-1"></div>
<form id="setup" novalidate>
<fieldset><legend>Your organisation</legend>
${field("organisation.name", "Organisation name", "text", "organization")}
<div class="field"><label for="organisation.kind">What kind of organisation is it?</label>
<select id="organisation.kind" name="organisation.kind" aria-describedby="organisation.kind-error">${options}</select>
<p class="error" id="organisation.kind-error"></p></div>
</fieldset>
<fieldset><legend>Your first school</legend>
${field("school.name", "School name", "text", "off")}
</fieldset>
<fieldset><legend>The first administrator (you)</legend>
${field("admin.name", "Your name", "text", "name")}
${field("admin.email", "Email address", "email", "email")}
${field("admin.password", `Password (at least ${passwordMinLength} characters)`, "password", "new-password")}
</fieldset>
<button type="submit">Set up Vigil</button>
</form>
<p id="done" role="status" hidden>Vigil is set up. <a href="/">Go to Vigil</a></p>`;
}

function field(name: string, label: string, type: string, autocomplete: string): string {
  return `<div class="field"><label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" required aria-describedby="${name}-error">
<p class="error" id="${name}-error"></p></div>`;
}

const styles = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
main{max-width:36rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002}
fieldset{border:1px solid #c9ced6;border-radius:6px;margin:0 0 1rem;padding:.5rem 1rem}
legend{font-weight:600;padding:0 .25rem}.field{margin:.5rem 0}label{display:block;font-weight:500}
input,select{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #6b7280;border-radius:4px}
input:focus,select:focus,button:focus{outline:3px solid #1d4ed8;outline-offset:1px}
.error{color:#b91c1c;margin:.25rem 0 0;min-height:0}#summary:not(:empty){border:2px solid #b91c1c;padding:.5rem 1rem;margin-bottom:1rem}
button{background:#1d4ed8;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;font:inherit;cursor:pointer}`;

// Runs in the browser: reads the token from the link, posts JSON, shows errors by field.
const script = `const token=new URLSearchParams(location.search).get("token");
const form=document.getElementById("setup");
if(!token){document.getElementById("no-token").hidden=false;form.hidden=true;}
form.addEventListener("submit",async(event)=>{event.preventDefault();
const value=(n)=>form.elements.namedItem(n).value;
for(const p of form.querySelectorAll(".error"))p.textContent="";
for(const i of form.querySelectorAll("[aria-invalid]"))i.removeAttribute("aria-invalid");
const summary=document.getElementById("summary");summary.textContent="";
const body={token,organisation:{name:value("organisation.name"),kind:value("organisation.kind")},school:{name:value("school.name")},
admin:{name:value("admin.name"),email:value("admin.email"),password:value("admin.password")}};
let response;try{response=await fetch("/api/v1/setup",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify(body)});}
catch{summary.textContent="Vigil could not be reached. Check it is still running, then try again: nothing you typed was lost.";summary.focus();return;}
if(response.ok){form.hidden=true;document.getElementById("done").hidden=false;return;}
const {error}=await response.json().catch(()=>({error:{message:"The server answered with an error ("+response.status+")."}}));
summary.textContent=error.message+(error.hint?" "+error.hint:"");
for(const f of error.fields||[]){const el=document.getElementById(f.path+"-error");if(el){el.textContent=f.message;document.getElementById(f.path)?.setAttribute("aria-invalid","true");}}
summary.focus();});`;

"use strict";
// The approval page's WebAuthn ceremonies. The server keeps each ceremony's options and uses them once; this script
// only moves bytes between the server and the browser's authenticator.
(() => {
  const b64 = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(bin, (c) => c.charCodeAt(0)).buffer;
    }
  };

  async function post(url, body) {
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {}) });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(json.error || `HTTP ${response.status}`);
    }
    return json;
  }

  async function assertion(options) {
    const cred = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: b64.decode(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }))
      }
    });
    const r = cred.response;
    return {
      id: cred.id,
      rawId: b64.encode(cred.rawId),
      response: {
        authenticatorData: b64.encode(r.authenticatorData),
        clientDataJSON: b64.encode(r.clientDataJSON),
        signature: b64.encode(r.signature),
        userHandle: r.userHandle ? b64.encode(r.userHandle) : undefined
      },
      type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    };
  }

  async function creation(options) {
    const cred = await navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: b64.decode(options.challenge),
        user: { ...options.user, id: b64.decode(options.user.id) },
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }))
      }
    });
    const r = cred.response;
    return {
      id: cred.id,
      rawId: b64.encode(cred.rawId),
      response: {
        attestationObject: b64.encode(r.attestationObject),
        clientDataJSON: b64.encode(r.clientDataJSON),
        transports: r.getTransports ? r.getTransports() : []
      },
      type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    };
  }

  window.schemaguard = { post, assertion };  // for a person debugging in the console, and for the browser tests

  const result = document.getElementById("result");
  const show = (text) => { result.textContent = text; };
  const body = document.body;

  if (body.dataset.request) {
    const id = body.dataset.request;
    document.querySelectorAll("button[data-decision]").forEach((button) => button.addEventListener("click", async () => {
      try {
        show("Waiting for your passkey…");
        const { ceremony, publicKey } = await post(`/approve/${id}/options`);
        const answer = { ceremony, decision: button.dataset.decision, comment: document.getElementById("comment").value,
          credential: await assertion(publicKey) };
        window.schemaguardLastAnswer = answer;
        const done = await post(`/approve/${id}/answer`, answer);
        document.getElementById("status").textContent = done.status;
        show(done.message);
      } catch (e) {
        show(`Not recorded: ${e.message}`);
      }
    }));
  }

  if (body.dataset.page === "register") {
    const name = () => document.getElementById("name").value.trim();
    async function register(extra) {
      const { ceremony, publicKey } = await post("/approvers/register/options", { name: name(), ...extra });
      const credential = await creation(publicKey);
      const done = await post("/approvers/register", { ceremony, publicKey: { credential, label: `${name()}'s passkey` } });
      show(done.message);
    }
    document.getElementById("register").addEventListener("click", async () => {
      try {
        show("Creating your passkey…");
        await register({ code: document.getElementById("code").value });
      } catch (e) {
        show(`Not registered: ${e.message}`);
      }
    });
    document.getElementById("vouch").addEventListener("click", async () => {
      try {
        show("Waiting for the vouching approver's passkey…");
        const vouch = await post("/approvers/vouch/options", { name: name() });
        const credential = await assertion(vouch.publicKey);
        show("Now create your own passkey…");
        await register({ vouch: { ceremony: vouch.ceremony, credential } });
      } catch (e) {
        show(`Not registered: ${e.message}`);
      }
    });
  }
})();

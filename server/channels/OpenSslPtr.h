#pragma once

#include <memory>

namespace Tidings::Server::Channels {

// std::unique_ptr for OpenSSL objects, freed with their own free function:
// `OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free> ctx(EVP_MD_CTX_new());`
template<typename T, void (*Free)(T *)> struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};
template<typename T, void (*Free)(T *)> using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter<T, Free>>;

} // namespace Tidings::Server::Channels
